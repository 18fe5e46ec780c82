console.log(typeof globalThis.corralMarker === "undefined" ? "absent" : "present", ({}).corralPolluted === undefined ? "absent" : "present");
