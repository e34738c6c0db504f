import { Body, Container, Head, Heading, Hr, Html, Link, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";

const body = {
  backgroundColor: "#f5f5f4",
  fontFamily: "system-ui, -apple-system, Segoe UI, sans-serif",
  color: "#1c1917",
};
const card = {
  backgroundColor: "#ffffff",
  margin: "24px auto",
  padding: "24px",
  maxWidth: "560px",
  borderRadius: "8px",
};

/** The frame of every customer mail: a heading, the message, a link to the order page. */
export function MailLayout({
  preview,
  heading,
  orderUrl,
  children,
}: {
  preview: string;
  heading: string;
  orderUrl: string;
  children: ReactNode;
}) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={body}>
        <Container style={card}>
          <Heading as="h1" style={{ fontSize: "22px", margin: "0 0 16px" }}>
            {heading}
          </Heading>
          {children}
          <Hr style={{ borderColor: "#e7e5e4", margin: "24px 0 16px" }} />
          <Section>
            <Text style={{ fontSize: "14px", margin: 0 }}>
              Your order page keeps the receipt: <Link href={orderUrl}>{orderUrl}</Link>
            </Text>
          </Section>
        </Container>
      </Body>
    </Html>
  );
}
