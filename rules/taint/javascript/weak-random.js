const crypto = require("crypto");
const express = require("express");

const app = express();

app.post("/reset", (req, res) => {
  // ruleid: js-flow-weak-random
  const resetToken = Math.random().toString(36).slice(2);
  // ok: js-flow-weak-random
  const sessionId = crypto.randomBytes(32).toString("hex");
  // ok: js-flow-weak-random
  const delay = Math.floor(Math.random() * 100);
  // ruleid: js-flow-weak-random
  res.cookie("sid", Math.random().toString(16));
  // ok: js-flow-weak-random
  res.cookie("theme", "dark");
  let seed = Math.random();
  seed = crypto.randomInt(1000000);
  // ok: js-flow-weak-random
  const otp = String(seed).padStart(6, "0");
  res.json({ resetToken, sessionId, delay, otp });
});

function generateToken() {
  // ruleid: js-flow-weak-random
  return Math.floor(Math.random() * 1e9).toString(36);
}

function pickColor() {
  // ok: js-flow-weak-random
  return Math.random() > 0.5 ? "red" : "blue";
}

class Session {
  constructor() {
    // ruleid: js-flow-weak-random
    this.csrfToken = Math.random().toString(36);
    // ok: js-flow-weak-random
    this.retries = Math.floor(Math.random() * 3);
  }
}
