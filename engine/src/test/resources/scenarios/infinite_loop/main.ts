console.log("started");
while (true) {}
