console.log("never";
