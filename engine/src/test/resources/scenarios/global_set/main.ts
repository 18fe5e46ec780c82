globalThis.corralMarker = "set";
Object.prototype.corralPolluted = "set";
console.log("set");
