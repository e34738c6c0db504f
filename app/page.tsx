export default function HomePage() {
  return (
    <main>
      <h1>PayOps Store</h1>
    </main>
  );
}
