async function execute(input) {
  const res = await fetch(input.url);
  return { status: res.status, body: await res.text() };
}
