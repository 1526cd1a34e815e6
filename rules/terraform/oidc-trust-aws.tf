# GitHub Actions OIDC: trust policies written with jsonencode()

resource "aws_iam_role" "deploy_no_sub" {
  name = "deploy"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      # ruleid: tf-aws-oidc-trust-no-subject
      {
        Effect    = "Allow"
        Principal = { Federated = aws_iam_openid_connect_provider.github.arn }
        Action    = "sts:AssumeRoleWithWebIdentity"
        Condition = {
          StringEquals = { "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com" }
        }
      }
    ]
  })
}

resource "aws_iam_role" "deploy_any_repo" {
  name = "deploy-any"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com" }
      Action    = "sts:AssumeRoleWithWebIdentity"
      Condition = {
        StringEquals = { "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com" }
        StringLike = {
          # ruleid: tf-aws-oidc-trust-any-repo
          "token.actions.githubusercontent.com:sub" = "repo:*"
        }
      }
    }]
  })
}

resource "aws_iam_role" "deploy_org_wide" {
  name = "deploy-org"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = aws_iam_openid_connect_provider.github.arn }
      Action    = ["sts:AssumeRoleWithWebIdentity", "sts:TagSession"]
      Condition = {
        StringLike = {
          # ruleid: tf-aws-oidc-trust-any-repo
          "${aws_iam_openid_connect_provider.github.url}:sub" = ["repo:acme/infra:ref:refs/heads/main", "repo:acme/*"]
        }
      }
    }]
  })
}

resource "aws_iam_role" "deploy_any_branch" {
  name = "deploy-branch"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = aws_iam_openid_connect_provider.github.arn }
      Action    = "sts:AssumeRoleWithWebIdentity"
      Condition = {
        StringLike = {
          # ruleid: tf-aws-oidc-trust-any-branch
          "token.actions.githubusercontent.com:sub" = "repo:acme/infra:*"
        }
      }
    }]
  })
}

resource "aws_iam_role" "deploy_pinned" {
  name = "deploy-pinned"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      # ok: tf-aws-oidc-trust-no-subject
      {
        Effect    = "Allow"
        Principal = { Federated = aws_iam_openid_connect_provider.github.arn }
        Action    = "sts:AssumeRoleWithWebIdentity"
        Condition = {
          StringEquals = {
            "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com"
            # ok: tf-aws-oidc-trust-any-repo, tf-aws-oidc-trust-any-branch
            "token.actions.githubusercontent.com:sub" = "repo:acme/infra:environment:production"
          }
        }
      }
    ]
  })
}

resource "aws_iam_role" "deploy_main_only" {
  name = "deploy-main"
  assume_role_policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = aws_iam_openid_connect_provider.github.arn }
      Action    = "sts:AssumeRoleWithWebIdentity"
      Condition = {
        StringLike = {
          # ok: tf-aws-oidc-trust-any-repo, tf-aws-oidc-trust-any-branch
          "token.actions.githubusercontent.com:sub" = "repo:acme/infra:ref:refs/tags/v*"
        }
      }
    }]
  })
}

# A Cognito identity pool role is restricted by aud and amr, not sub.
resource "aws_iam_role" "cognito" {
  name = "cognito-auth"
  assume_role_policy = jsonencode({
    Statement = [
      # ok: tf-aws-oidc-trust-no-subject
      {
        Effect    = "Allow"
        Principal = { Federated = "cognito-identity.amazonaws.com" }
        Action    = "sts:AssumeRoleWithWebIdentity"
        Condition = {
          StringEquals = { "cognito-identity.amazonaws.com:aud" = aws_cognito_identity_pool.main.id }
        }
      }
    ]
  })
}

# An ordinary service role.
resource "aws_iam_role" "lambda" {
  name = "lambda"
  assume_role_policy = jsonencode({
    Statement = [
      # ok: tf-aws-oidc-trust-no-subject
      { Effect = "Allow", Principal = { Service = "lambda.amazonaws.com" }, Action = "sts:AssumeRole" }
    ]
  })
}

# data "aws_iam_policy_document"

data "aws_iam_policy_document" "github_no_sub" {
  # ruleid: tf-aws-oidc-trust-no-subject
  statement {
    effect  = "Allow"
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = [aws_iam_openid_connect_provider.github.arn]
    }
    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.amazonaws.com"]
    }
  }
}

data "aws_iam_policy_document" "github_wildcard" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = [aws_iam_openid_connect_provider.github.arn]
    }
    condition {
      test     = "StringLike"
      variable = "token.actions.githubusercontent.com:sub"
      # ruleid: tf-aws-oidc-trust-any-repo
      values   = ["*"]
    }
  }
}

data "aws_iam_policy_document" "github_branch" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = [aws_iam_openid_connect_provider.github.arn]
    }
    condition {
      test     = "StringLike"
      variable = "token.actions.githubusercontent.com:sub"
      # ruleid: tf-aws-oidc-trust-any-branch
      values   = ["repo:acme/infra:*"]
    }
  }
}

data "aws_iam_policy_document" "github_any_env" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = [aws_iam_openid_connect_provider.github.arn]
    }
    condition {
      test     = "StringLike"
      variable = "token.actions.githubusercontent.com:sub"
      # ruleid: tf-aws-oidc-trust-any-branch
      values   = ["repo:acme/infra:environment:*"]
    }
  }
}

data "aws_iam_policy_document" "github_ok" {
  # ok: tf-aws-oidc-trust-no-subject
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = [aws_iam_openid_connect_provider.github.arn]
    }
    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:sub"
      # ok: tf-aws-oidc-trust-any-repo, tf-aws-oidc-trust-any-branch
      values   = ["repo:acme/infra:ref:refs/heads/main", "repo:acme/infra:pull_request"]
    }
    condition {
      test     = "StringLike"
      variable = "token.actions.githubusercontent.com:aud"
      # ok: tf-aws-oidc-trust-any-repo
      values   = ["*"]
    }
  }
}

data "aws_iam_policy_document" "github_var" {
  # ok: tf-aws-oidc-trust-no-subject
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = [var.oidc_provider_arn]
    }
    condition {
      test     = "StringLike"
      variable = "${var.oidc_provider_url}:sub"
      # ok: tf-aws-oidc-trust-any-repo, tf-aws-oidc-trust-any-branch
      values   = [for r in var.repositories : "repo:${r}:ref:refs/heads/main"]
    }
  }
}

# Raw JSON in a heredoc

resource "aws_iam_role" "heredoc_no_sub" {
  name = "heredoc"
  # ruleid: tf-aws-oidc-trust-no-subject
  assume_role_policy = <<EOF
{
  "Version": "2012-10-17",
  "Statement": [{
    "Effect": "Allow",
    "Principal": {"Federated": "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"},
    "Action": "sts:AssumeRoleWithWebIdentity",
    "Condition": {"StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"}}
  }]
}
EOF
}

resource "aws_iam_role" "heredoc_star" {
  name = "heredoc-star"
  # ruleid: tf-aws-oidc-trust-any-repo
  assume_role_policy = <<EOF
{
  "Statement": [{
    "Effect": "Allow",
    "Principal": {"Federated": "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"},
    "Action": "sts:AssumeRoleWithWebIdentity",
    "Condition": {"StringLike": {"token.actions.githubusercontent.com:sub": "repo:*/infra:*"}}
  }]
}
EOF
}

resource "aws_iam_role" "heredoc_ok" {
  name = "heredoc-ok"
  # ok: tf-aws-oidc-trust-any-repo, tf-aws-oidc-trust-any-branch
  assume_role_policy = <<EOF
{
  "Statement": [{
    "Effect": "Allow",
    "Principal": {"Federated": "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"},
    "Action": "sts:AssumeRoleWithWebIdentity",
    "Condition": {"StringEquals": {"token.actions.githubusercontent.com:sub": "repo:acme/infra:ref:refs/heads/main"}}
  }]
}
EOF
}

# EKS IRSA without a service-account condition: any pod in the cluster can assume it.
resource "aws_iam_role" "irsa" {
  name = "irsa"
  assume_role_policy = jsonencode({
    Statement = [
      # ruleid: tf-aws-oidc-trust-no-subject
      {
        Effect    = "Allow"
        Principal = { Federated = aws_iam_openid_connect_provider.eks.arn }
        Action    = "sts:AssumeRoleWithWebIdentity"
      }
    ]
  })
}
