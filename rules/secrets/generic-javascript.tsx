export function Login() {
  // ruleid: secret-generic-secret-ts
  const config = { apiKey: "7d1e4b9c2a6f8e3d5b0c" };
  // ok: secret-generic-password-ts
  const labels = { password: "Password", confirm: "Confirm password" };
  // ok: secret-generic-password-ts
  return <input type="password" name="password" autoComplete="current-password" />;
}
