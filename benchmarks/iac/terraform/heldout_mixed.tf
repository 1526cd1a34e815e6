# Written after the rules, but before running them on it (held-out variants).
locals {
  gh_host = "token.actions.githubusercontent.com"
}

resource "aws_iam_role" "quoted_keys" {
  name = "quoted"
  assume_role_policy = jsonencode({
    "Version" : "2012-10-17",
    "Statement" : [
      # expect: oidc-aws-audience
      {
        "Effect" : "Allow",
        "Principal" : { "Federated" : "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com" },
        "Action" : "sts:AssumeRoleWithWebIdentity",
        "Condition" : {
          "StringLike" : {
            # expect: oidc-aws-any-repo
            "token.actions.githubusercontent.com:sub" : "repo:acme/*:*"
          }
        }
      }
    ]
  })
}

data "aws_iam_policy_document" "for_any_value" {
  # expect: oidc-aws-audience
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = [aws_iam_openid_connect_provider.github.arn]
    }
    condition {
      test     = "ForAnyValue:StringLike"
      variable = "token.actions.githubusercontent.com:sub"
      # expect: oidc-aws-any-repo
      values   = ["repo:acme/infra:ref:refs/heads/main", "repo:acme/*"]
    }
  }
}

resource "aws_iam_role" "local_host" {
  name = "local-host"
  assume_role_policy = jsonencode({
    # expect: oidc-aws-audience
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = aws_iam_openid_connect_provider.github.arn }
      Action    = "sts:AssumeRoleWithWebIdentity"
      Condition = {
        StringLike = {
          # expect: oidc-aws-any-repo
          "${local.gh_host}:sub" = "*"
        }
      }
    }]
  })
}

resource "aws_iam_role" "env_pinned" {
  name = "env-pinned"
  assume_role_policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = aws_iam_openid_connect_provider.github.arn }
      Action    = "sts:AssumeRoleWithWebIdentity"
      Condition = {
        StringEquals = {
          "${local.gh_host}:aud" = "sts.amazonaws.com"
          "${local.gh_host}:sub" = "repo:acme/infra:environment:prod"
        }
      }
    }]
  })
}

resource "azurerm_federated_identity_credential" "any_environment" {
  name                = "any-env"
  resource_group_name = "rg"
  parent_id           = azurerm_user_assigned_identity.ci.id
  audience            = ["api://AzureADTokenExchange"]
  issuer              = "https://token.actions.githubusercontent.com"
  # expect: oidc-azure-wildcard
  subject             = "repo:acme/app:environment:*"
}

resource "google_iam_workload_identity_pool_provider" "always" {
  workload_identity_pool_id          = "ci"
  workload_identity_pool_provider_id = "gh"
  attribute_mapping                  = { "google.subject" = "assertion.sub" }
  # expect: oidc-gcp-no-condition
  attribute_condition                = "true"
  oidc {
    issuer_uri = "https://token.actions.githubusercontent.com"
  }
}

resource "google_iam_workload_identity_pool_provider" "tfc" {
  workload_identity_pool_id          = "ci"
  workload_identity_pool_provider_id = "tfc"
  attribute_mapping                  = { "google.subject" = "assertion.sub" }
  attribute_condition                = "assertion.terraform_organization_name == 'acme'"
  oidc {
    issuer_uri = "https://app.terraform.io"
  }
}

resource "aws_security_group" "all_open" {
  name = "all-open"
  ingress {
    from_port   = 0
    to_port     = 65535
    protocol    = "tcp"
    # expect: admin-port-open
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_db_instance" "dev" {
  identifier          = "dev"
  engine              = "mysql"
  instance_class      = "db.t3.micro"
  # expect: public-database
  publicly_accessible = true
}

resource "aws_efs_file_system" "shared" {
  # expect: encryption-off
  encrypted = false
}

resource "azurerm_redis_cache" "cache" {
  name                = "cache"
  location            = "westeurope"
  resource_group_name = "rg"
  capacity            = 1
  family              = "C"
  sku_name            = "Standard"
  # expect: https-off
  non_ssl_port_enabled = true
  # expect: old-tls
  minimum_tls_version = "1.0"
}

resource "aws_s3_bucket" "legacy_site" {
  bucket = "legacy-site"
  # expect: public-storage
  acl    = "public-read"
}

resource "google_storage_bucket" "public" {
  name                        = "acme-public"
  location                    = "EU"
  uniform_bucket_level_access = true
}

resource "google_storage_bucket_iam_binding" "viewers" {
  bucket  = google_storage_bucket.public.name
  role    = "roles/storage.objectViewer"
  # expect: public-storage
  members = ["allAuthenticatedUsers", "group:eng@acme.io"]
}

resource "aws_launch_template" "imds_optional" {
  name_prefix = "api-"
  metadata_options {
    # expect: imdsv1
    http_tokens = "optional"
  }
}
