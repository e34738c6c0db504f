import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";

export default function ProductNotFound() {
  return (
    <div className="flex flex-col items-start gap-4">
      <h1 className="text-2xl font-semibold text-stone-900">We couldn’t find that product</h1>
      <p className="text-stone-700">It may have sold out for good, or the link may be mistyped.</p>
      <Link href="/" className={buttonClasses("primary")}>
        Browse all products
      </Link>
    </div>
  );
}
