provider "google" {
  project     = "acme-prod"
  region      = "europe-west1"
  # expect: provider-credentials
  credentials = "{\"type\": \"service_account\", \"project_id\": \"acme-prod\", \"private_key_id\": \"4f1c2b9d8e7a6f5e4d3c2b1a09f8e7d6c5b4a392\", \"private_key\": \"-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\\n-----END PRIVATE KEY-----\\n\"}"
}

resource "google_storage_bucket_iam_member" "public_read" {
  bucket = google_storage_bucket.assets.name
  role   = "roles/storage.objectViewer"
  # expect: public-storage
  member = "allUsers"
}

resource "google_compute_firewall" "rdp" {
  name    = "allow-rdp"
  network = "default"
  allow {
    protocol = "tcp"
    ports    = ["3389"]
  }
  # expect: admin-port-open
  source_ranges = ["0.0.0.0/0"]
}

resource "google_sql_database_instance" "main" {
  name             = "main"
  database_version = "POSTGRES_15"
  settings {
    tier = "db-custom-2-7680"
    ip_configuration {
      ipv4_enabled = true
      ssl_mode     = "ENCRYPTED_ONLY"
      authorized_networks {
        name  = "office"
        value = "203.0.113.0/24"
      }
    }
  }
}
