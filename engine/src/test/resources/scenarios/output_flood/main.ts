const chunk = "0123456789".repeat(1000);
for (let i = 0; i < 200; i++) process.stdout.write(chunk);
