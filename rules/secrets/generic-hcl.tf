resource "aws_db_instance" "main" {
  username = "app"
  # ruleid: secret-generic-password-hcl
  password = "S3cr3t!2024x"
}

resource "aws_db_instance" "replica" {
  # ok: secret-generic-password-hcl
  password = var.db_password
  # ok: secret-generic-password-hcl
  manage_master_user_password = true
  # ok: secret-generic-password-hcl
  master_password = "${var.prefix}-Xy9!"
}

provider "datadog" {
  # ruleid: secret-generic-secret-hcl
  api_key = "9f2c1e7b4d8a4f0c9e2b7d1a"
  # ok: secret-generic-secret-hcl
  app_key = data.vault_generic_secret.dd.data["app_key"]
}

# ok: secret-generic-secret-hcl
resource "aws_secretsmanager_secret" "db" {
  # ok: secret-generic-secret-hcl
  name = "prod/db/credentials"
  # ok: secret-generic-secret-hcl
  kms_key_id = "alias/secrets-2"
}

variable "db_password" {
  type      = string
  sensitive = true
  # ruleid: secret-generic-password-hcl
  default = "Adm1n#2024"
}

variable "db_password_length" {
  # ok: secret-generic-password-hcl
  default = "24x"
}

resource "helm_release" "redis" {
  set {
    name  = "auth.password"
    # ruleid: secret-generic-password-hcl
    value = "R3d1s!pass"
  }
}

locals {
  environment = [
    # ruleid: secret-generic-secret-hcl
    { name = "API_TOKEN", value = "e1d2c3b4a5f6e7d8c9b0a1f2" },
    # ok: secret-generic-secret-hcl
    { name = "API_URL", value = "https://api.internal/v2" },
  ]
  tags = {
    # ruleid: secret-generic-secret-hcl
    "client_secret" = "q8Zr2LmV7xNc4TyB1sKd6FhJ"
  }
}
