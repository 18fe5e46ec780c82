function execute(input) {
  const token = process.env.TOKEN;
  console.log("token is " + token);
  console.error("token again " + token);
  return { token: token, length: (token || "").length };
}
