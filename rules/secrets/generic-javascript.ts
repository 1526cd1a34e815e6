// ruleid: secret-generic-password-ts
const DB_PASSWORD: string = "Tr0ub4dor&3x";
// ruleid: secret-generic-secret-ts
export const apiKey = "9f2c1e7b4d8a4f0c9e2b";
// ok: secret-generic-password-ts
const passwordPlaceholder = "Enter password";
// ok: secret-generic-secret-ts
const tokenType = "Bearer";
// ok: secret-generic-secret-ts
const secretRef = "vault:secret/data/app#key";

class Service {
  // ruleid: secret-generic-secret-ts
  private clientSecret: string = "c7d6e5f4a3b2c1d0e9f8a7b6";
  // ok: secret-generic-secret-ts
  private clientSecretName: string = "app-client-secret-2";

  // ruleid: secret-generic-password-ts
  connect(user: string, password: string = "d3f4ult!Pw") {
    // ruleid: secret-generic-password-ts
    return db.connect({ user, password: "S3cr3t!2024x" });
  }
}

// ruleid: secret-generic-secret-ts
const token = process.env.API_TOKEN ?? "a9f8e7d6c5b4a3928171";
// ok: secret-generic-secret-ts
const token2 = process.env.API_TOKEN ?? "";
