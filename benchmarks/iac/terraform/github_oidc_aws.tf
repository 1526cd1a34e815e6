# Module: GitHub Actions deploy roles (several teams' variants)
resource "aws_iam_openid_connect_provider" "github" {
  url             = "https://token.actions.githubusercontent.com"
  client_id_list  = ["sts.amazonaws.com"]
  thumbprint_list = ["6938fd4d98bab03faadb97b34396831e3780aea1"]
}

data "aws_iam_policy_document" "ci_assume" {
  # expect: oidc-aws-no-subject
  statement {
    sid     = "GitHubActions"
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

resource "aws_iam_role" "ci" {
  name               = "github-ci"
  assume_role_policy = data.aws_iam_policy_document.ci_assume.json
}

data "aws_iam_policy_document" "release_assume" {
  # expect: oidc-aws-audience
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = [aws_iam_openid_connect_provider.github.arn]
    }
    condition {
      test     = "StringLike"
      variable = "token.actions.githubusercontent.com:sub"
      # expect: oidc-aws-any-repo
      values   = ["repo:*"]
    }
  }
}

data "aws_iam_policy_document" "docs_assume" {
  statement {
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
    condition {
      test     = "StringLike"
      variable = "token.actions.githubusercontent.com:sub"
      # expect: oidc-aws-any-branch
      values   = ["repo:acme-corp/docs-site:*"]
    }
  }
}

# Safe: pinned to one repo and environment
data "aws_iam_policy_document" "prod_assume" {
  statement {
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
    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:sub"
      values   = ["repo:acme-corp/platform:environment:production"]
    }
  }
}

resource "aws_iam_role" "terraform_plan" {
  name = "terraform-plan"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect = "Allow"
        Principal = {
          Federated = "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"
        }
        Action = "sts:AssumeRoleWithWebIdentity"
        Condition = {
          StringEquals = {
            "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com"
          }
          StringLike = {
            # expect: oidc-aws-any-repo
            "token.actions.githubusercontent.com:sub" = "repo:acme-corp/*"
          }
        }
      }
    ]
  })
}

resource "aws_iam_role" "ecr_push" {
  name = "ecr-push"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      # expect: oidc-aws-no-subject
      {
        Effect    = "Allow"
        Principal = { Federated = aws_iam_openid_connect_provider.github.arn }
        Action    = ["sts:AssumeRoleWithWebIdentity", "sts:TagSession"]
      }
    ]
  })
}

# Safe: subjects built from a variable list of repositories
resource "aws_iam_role" "shared" {
  name = "shared-deploy"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = aws_iam_openid_connect_provider.github.arn }
      Action    = "sts:AssumeRoleWithWebIdentity"
      Condition = {
        StringEquals = { "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com" }
        StringLike   = { "token.actions.githubusercontent.com:sub" = [for r in var.repos : "repo:${r}:ref:refs/heads/main"] }
      }
    }]
  })
}

resource "aws_iam_role" "legacy_json" {
  name = "legacy-deployer"
  # expect: oidc-aws-any-repo, oidc-aws-audience
  assume_role_policy = <<POLICY
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": {"Federated": "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"},
      "Action": "sts:AssumeRoleWithWebIdentity",
      "Condition": {
        "StringLike": {"token.actions.githubusercontent.com:sub": ["repo:*/infra:ref:refs/heads/main"]}
      }
    }
  ]
}
POLICY
}

resource "aws_iam_role" "gitlab" {
  name = "gitlab-deploy"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    # expect: oidc-aws-audience
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = aws_iam_openid_connect_provider.gitlab.arn }
      Action    = "sts:AssumeRoleWithWebIdentity"
      Condition = {
        StringLike = {
          # expect: oidc-aws-any-repo
          "gitlab.com:sub" = "project_path:acme-corp/*:ref_type:branch:ref:main"
        }
      }
    }]
  })
}

# Safe: tag-only releases of one repository
resource "aws_iam_role" "release_tags" {
  name = "release"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    # expect: oidc-aws-audience
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = aws_iam_openid_connect_provider.github.arn }
      Action    = "sts:AssumeRoleWithWebIdentity"
      Condition = {
        StringLike = { "token.actions.githubusercontent.com:sub" = "repo:acme-corp/cli:ref:refs/tags/v*" }
      }
    }]
  })
}

# EKS service-account role missing the namespace/service account condition
data "aws_iam_policy_document" "irsa" {
  # expect: oidc-aws-no-subject
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = [module.eks.oidc_provider_arn]
    }
    condition {
      test     = "StringEquals"
      variable = "${module.eks.oidc_provider}:aud"
      values   = ["sts.amazonaws.com"]
    }
  }
}

# Safe: IRSA with sub
data "aws_iam_policy_document" "irsa_ok" {
  # expect: oidc-aws-audience
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = [module.eks.oidc_provider_arn]
    }
    condition {
      test     = "StringEquals"
      variable = "${module.eks.oidc_provider}:sub"
      values   = ["system:serviceaccount:payments:api"]
    }
  }
}

resource "aws_iam_role" "feature_branches" {
  name = "preview-envs"
  assume_role_policy = jsonencode({
    # expect: oidc-aws-audience
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = aws_iam_openid_connect_provider.github.arn }
      Action    = "sts:AssumeRoleWithWebIdentity"
      Condition = {
        StringLike = {
          # expect: oidc-aws-any-branch
          "token.actions.githubusercontent.com:sub" = "repo:acme-corp/web:ref:refs/heads/*"
        }
      }
    }]
  })
}
