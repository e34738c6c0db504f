import { Column, Row, Section, Text } from "@react-email/components";
import type { MailOrder } from "../load-mail-order";

const cell = { fontSize: "14px", margin: "4px 0" };

/** The order's items and total, as on the receipt. */
export function OrderLines({ order }: { order: MailOrder }) {
  return (
    <Section>
      {order.lines.map((line) => (
        <Row key={line.name}>
          <Column>
            <Text style={cell}>
              {line.quantity} × {line.name}
            </Text>
          </Column>
          <Column align="right">
            <Text style={cell}>{line.lineTotal}</Text>
          </Column>
        </Row>
      ))}
      <Row>
        <Column>
          <Text style={{ ...cell, fontWeight: 600 }}>Total</Text>
        </Column>
        <Column align="right">
          <Text style={{ ...cell, fontWeight: 600 }}>{order.total}</Text>
        </Column>
      </Row>
    </Section>
  );
}
