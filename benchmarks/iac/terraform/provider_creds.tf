provider "aws" {
  region     = "us-east-1"
  # expect: provider-credentials
  access_key = "AKIAQ3EGRK7TZ2MPLX4N"
  # expect: provider-credentials
  secret_key = "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"
}

provider "aws" {
  alias   = "audit"
  region  = "us-east-1"
  profile = "audit"
}

provider "google" {
  project     = "acme-prod"
  region      = "europe-west1"
  credentials = file(var.credentials_file)
}
