// Devnet entry point (npm start). The whole loop lands with the devnet issue; until then it says so.
console.log("Veritensor devnet: not yet available (the devnet issue is in progress). Exiting cleanly.");
