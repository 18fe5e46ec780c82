async function main() {
  const res = await fetch(process.argv[2], { headers: { 'X-From-Guest': 'yes' } });
  console.log(res.status, res.ok, await res.text());
  console.log('env:', JSON.stringify(process.env));
}
main();
