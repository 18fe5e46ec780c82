console.log("started");
while (true) { try { while (true) {} } catch (e) {} finally { } }
