resource "aws_iam_policy" "admin" {
  name = "ci-admin"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      # ruleid: tf-iam-policy-admin-wildcard
      {
        Effect   = "Allow"
        Action   = "*"
        Resource = "*"
      },
      # ok: tf-iam-policy-admin-wildcard
      {
        Effect   = "Deny"
        Action   = "*"
        Resource = "*"
        Condition = { Bool = { "aws:MultiFactorAuthPresent" = "false" } }
      },
      # ok: tf-iam-policy-admin-wildcard
      {
        Effect   = "Allow"
        Action   = ["s3:*"]
        Resource = "*"
      },
      # ok: tf-iam-policy-admin-wildcard
      {
        Effect    = "Allow"
        NotAction = "iam:*"
        Resource  = "arn:aws:s3:::bucket/*"
      },
    ]
  })
}

resource "aws_iam_role_policy" "inline" {
  role = aws_iam_role.app.id
  # ruleid: tf-iam-policy-admin-wildcard
  policy = jsonencode({ Version = "2012-10-17", Statement = { "Effect" = "Allow", "Action" = ["*"], "Resource" = ["*"] } })
}

data "aws_iam_policy_document" "god" {
  # ruleid: tf-iam-policy-admin-wildcard
  statement {
    actions   = ["*"]
    resources = ["*"]
  }
  # ok: tf-iam-policy-admin-wildcard
  statement {
    actions   = ["ec2:Describe*"]
    resources = ["*"]
  }
}

resource "aws_iam_policy" "legacy" {
  name = "legacy-admin"
  # ruleid: tf-iam-policy-admin-wildcard-json
  policy = <<EOF
{
  "Version": "2012-10-17",
  "Statement": [
    {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::${var.bucket}/*"},
    {"Effect": "Allow", "Action": ["*"], "Resource": "*"}
  ]
}
EOF
}

resource "aws_iam_policy" "readonly" {
  name = "readonly"
  # ok: tf-iam-policy-admin-wildcard-json
  policy = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [
        {"Effect": "Allow", "Action": "*", "Resource": "arn:aws:s3:::logs/*"},
        {"Effect": "Allow", "Action": "s3:ListAllMyBuckets", "Resource": "*"}
      ]
    }
  EOT
}
