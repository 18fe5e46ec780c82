// Blocks on the test's release gate (argv[2]) and prints what it answers.
fetch(process.argv[2]).then((res) => res.text()).then((text) => console.log(text));
