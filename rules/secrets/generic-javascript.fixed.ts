// ruleid: secret-generic-password-ts
const DB_PASSWORD: string = process.env.DB_PASSWORD;
// ruleid: secret-generic-secret-ts
export const apiKey = process.env.API_KEY;
// ok: secret-generic-password-ts
const passwordPlaceholder = "Enter password";
// ok: secret-generic-secret-ts
const tokenType = "Bearer";
// ok: secret-generic-secret-ts
const secretRef = "vault:secret/data/app#key";

class Service {
  // ruleid: secret-generic-secret-ts
  private clientSecret: string = process.env.CLIENT_SECRET;
  // ok: secret-generic-secret-ts
  private clientSecretName: string = "app-client-secret-2";

  // ruleid: secret-generic-password-ts
  connect(user: string, password: string = "d3f4ult!Pw") {
    // ruleid: secret-generic-password-ts
    return db.connect({ user, password: process.env.PASSWORD });
  }
}

// ruleid: secret-generic-secret-ts
const token = process.env.API_TOKEN ?? "a9f8e7d6c5b4a3928171";
// ok: secret-generic-secret-ts
const token2 = process.env.API_TOKEN ?? "";
