export function Login() {
  // ruleid: secret-generic-secret-ts
  const config = { apiKey: process.env.API_KEY };
  // ok: secret-generic-password-ts
  const labels = { password: "Password", confirm: "Confirm password" };
  // ok: secret-generic-password-ts
  return <input type="password" name="password" autoComplete="current-password" />;
}
