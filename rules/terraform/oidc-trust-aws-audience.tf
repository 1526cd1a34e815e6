data "aws_iam_policy_document" "no_audience" {
  # ruleid: tf-aws-oidc-trust-audience
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = [aws_iam_openid_connect_provider.github.arn]
    }
    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:sub"
      values   = ["repo:acme/infra:environment:production"]
    }
  }
}

data "aws_iam_policy_document" "with_audience" {
  # ok: tf-aws-oidc-trust-audience
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
      values   = ["repo:acme/infra:environment:production"]
    }
  }
}

data "aws_iam_policy_document" "any_audience" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = [aws_iam_openid_connect_provider.github.arn]
    }
    condition {
      test     = "StringLike"
      variable = "token.actions.githubusercontent.com:aud"
      # ruleid: tf-aws-oidc-trust-audience-wildcard
      values   = ["*"]
    }
    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:sub"
      # ok: tf-aws-oidc-trust-audience-wildcard
      values   = ["*"]
    }
  }
}

resource "aws_iam_role" "release" {
  name = "gh-release"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = aws_iam_openid_connect_provider.github.arn }
      Action    = "sts:AssumeRoleWithWebIdentity"
      Condition = {
        StringLike = {
          # ruleid: tf-aws-oidc-trust-audience-wildcard
          "token.actions.githubusercontent.com:aud" = "*"
          # ok: tf-aws-oidc-trust-audience-wildcard
          "token.actions.githubusercontent.com:sub" = "repo:acme/web:ref:refs/heads/main"
        }
      }
    }]
  })
}

resource "aws_iam_role" "no_subject_either" {
  name = "gh-plan"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    # ok: tf-aws-oidc-trust-audience
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = aws_iam_openid_connect_provider.github.arn }
      Action    = "sts:AssumeRoleWithWebIdentity"
    }]
  })
}

resource "aws_iam_role" "heredoc" {
  name = "gh-heredoc"
  # ruleid: tf-aws-oidc-trust-audience
  assume_role_policy = <<POLICY
{
  "Version": "2012-10-17",
  "Statement": [{
    "Effect": "Allow",
    "Principal": {"Federated": "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"},
    "Action": "sts:AssumeRoleWithWebIdentity",
    "Condition": {"StringEquals": {"token.actions.githubusercontent.com:sub": "repo:acme/api:environment:prod"}}
  }]
}
POLICY
}
