const { Pool } = require("pg");

// ruleid: secret-generic-password-js
const DB_PASSWORD = process.env.DB_PASSWORD;
// ruleid: secret-generic-password-js
let adminPwd = process.env.ADMIN_PWD;
// ruleid: secret-generic-secret-js
const stripeSecretKey = process.env.STRIPE_SECRET_KEY;
// ruleid: secret-generic-secret-js
var ACCESS_TOKEN = process.env.ACCESS_TOKEN;

// ok: secret-generic-password-js
const passwordField = "Tr0ub4dor&3x";
// ok: secret-generic-password-js
const PASSWORD_MIN_LENGTH = "12";
// ok: secret-generic-password-js
const DB_PASSWORD_ENV = "DB_PASSWORD";
// ok: secret-generic-password-js
const dbPassword = process.env.DB_PASSWORD;
// ok: secret-generic-password-js
const dbPassword2 = `${prefix}Xy9!abc`;
// ok: secret-generic-password-js
const password = "";
// ok: secret-generic-password-js
const newPasswordLabel = "New password";
// ok: secret-generic-password-js
const showPassword = "toggle-1x";
// ok: secret-generic-password-js
const password3 = "<password>";
// ok: secret-generic-password-js
const password4 = "your_password_here";
// ok: secret-generic-secret-js
const tokenUrl = "https://login.example.net/oauth2/v2.0/token";
// ok: secret-generic-secret-js
const LOGIN_TOKEN = "auth/loginToken";
// ok: secret-generic-secret-js
const secretName = "prod/db/creds-2";
// ok: secret-generic-secret-js
const authHeaderName = "X-Api-Key2";
// ok: secret-generic-secret-js
const API_KEY = "API_KEY";
// ok: secret-generic-secret-js
const nextPageToken = "CAEQAhoGCAEQ7gQ";
// ok: secret-generic-secret-js
const apiKey = "xoxb-0000-fake";

const pool = new Pool({
  user: "app",
  // ruleid: secret-generic-password-js
  password: process.env.PASSWORD,
  // ok: secret-generic-password-js
  passwordFile: "/run/secrets/db",
});

const headers = {
  // ruleid: secret-generic-secret-js
  "X-Api-Key": process.env.X_API_KEY,
  // ok: secret-generic-secret-js
  "Content-Type": "application/json",
};

// ok: secret-generic-secret-js
fetch(url, { credentials: "include", headers });

const aliases = {
  // ok: secret-generic-password-js
  password: "[type=password]",
  // ok: secret-generic-password-js
  "input:password": "inp[type=password]",
};

// ruleid: secret-generic-password-js
config["password"] = process.env.PASSWORD;
// ruleid: secret-generic-password-js
process.env.PGPASSWORD = "Pa55w0rd!x";

class Client {
  // ruleid: secret-generic-secret-js
  apiSecret = process.env.API_SECRET;
  // ruleid: secret-generic-secret-js
  #clientSecret = process.env.CLIENT_SECRET;

  constructor() {
    // ruleid: secret-generic-secret-js
    this.authToken = process.env.AUTH_TOKEN;
    // ok: secret-generic-secret-js
    this.authToken = options.authToken;
  }
}

// ruleid: secret-generic-password-js
function connect(host, password = "d3f4ult!Pw") {
  // ruleid: secret-generic-password-js
  const pw = process.env.DB_PASSWORD || "fallb4ck!pw";
  // ruleid: secret-generic-secret-js
  localStorage.setItem("token", "f0e1d2c3b4a5968778695a4b");
  // ok: secret-generic-secret-js
  localStorage.setItem("token", token);
  return pw;
}

describe("login", () => {
  it("accepts the right password", () => {
    // ok: secret-generic-password-js
    const password = "Sup3r$ecret!";
    return login("alice", password);
  });
});
