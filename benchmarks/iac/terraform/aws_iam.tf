resource "aws_iam_policy" "admin" {
  name = "ci-admin"
  policy = jsonencode({
    Version = "2012-10-17"
    # expect: iam-wildcard
    Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }]
  })
}

data "aws_iam_policy_document" "ops" {
  # expect: iam-wildcard
  statement {
    effect    = "Allow"
    actions   = ["*"]
    resources = ["*"]
  }
}

resource "aws_iam_role_policy" "legacy" {
  name = "legacy"
  role = aws_iam_role.legacy.id
  # expect: iam-wildcard
  policy = <<EOF
{
  "Version": "2012-10-17",
  "Statement": [
    {"Effect": "Allow", "Action": ["*"], "Resource": ["*"]}
  ]
}
EOF
}

# Safe: scoped wildcard inside one service and ARN
resource "aws_iam_policy" "uploads" {
  name = "uploads"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["s3:GetObject", "s3:PutObject"]
      Resource = "${aws_s3_bucket.uploads.arn}/*"
    }]
  })
}

# Safe: deny-all guardrail
resource "aws_iam_policy" "guard" {
  name = "guard"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{ Effect = "Deny", Action = "*", Resource = "*", Condition = { Bool = { "aws:MultiFactorAuthPresent" = "false" } } }]
  })
}

resource "aws_sqs_queue_policy" "events" {
  queue_url = aws_sqs_queue.events.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      # expect: public-storage
      {
        Effect    = "Allow"
        Principal = { AWS = "*" }
        Action    = "sqs:SendMessage"
        Resource  = aws_sqs_queue.events.arn
      },
      {
        Effect    = "Allow"
        Principal = { Service = "sns.amazonaws.com" }
        Action    = "sqs:SendMessage"
        Resource  = aws_sqs_queue.events.arn
        Condition = { ArnEquals = { "aws:SourceArn" = aws_sns_topic.events.arn } }
      }
    ]
  })
}
