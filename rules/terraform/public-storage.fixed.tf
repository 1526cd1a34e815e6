resource "aws_s3_bucket_public_access_block" "site" {
  bucket                  = aws_s3_bucket.site.id
  # ok: tf-s3-public-access-block-disabled
  block_public_acls       = true
  # ruleid: tf-s3-public-access-block-disabled
  block_public_policy     = true
  # ok: tf-s3-public-access-block-disabled
  ignore_public_acls      = true
  # ruleid: tf-s3-public-access-block-disabled
  restrict_public_buckets = true
}

resource "aws_s3_account_public_access_block" "account" {
  # ruleid: tf-s3-public-access-block-disabled
  block_public_acls = true
}

resource "aws_rds_cluster" "db" {
  # ok: tf-s3-public-access-block-disabled
  restrict_public_buckets = false
}

resource "azurerm_storage_account" "data" {
  name                            = "acmedata"
  # ruleid: tf-azure-storage-public-blob-access
  allow_nested_items_to_be_public = true
}

resource "azurerm_storage_account" "private" {
  name                            = "acmeprivate"
  # ok: tf-azure-storage-public-blob-access
  allow_nested_items_to_be_public = false
}

resource "azurerm_storage_container" "assets" {
  name                  = "assets"
  # ruleid: tf-azure-storage-public-blob-access
  container_access_type = "blob"
}

resource "azurerm_storage_container" "listing" {
  name                  = "listing"
  # ruleid: tf-azure-storage-public-blob-access
  container_access_type = "container"
}

resource "azurerm_storage_container" "internal" {
  name                  = "internal"
  # ok: tf-azure-storage-public-blob-access
  container_access_type = "private"
}

resource "aws_s3_bucket_policy" "public" {
  bucket = aws_s3_bucket.site.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      # ruleid: tf-iam-resource-policy-public-principal
      {
        Effect    = "Allow"
        Principal = "*"
        Action    = "s3:GetObject"
        Resource  = "${aws_s3_bucket.site.arn}/*"
      },
      # ruleid: tf-iam-resource-policy-public-principal
      { Effect = "Allow", Principal = { AWS = "*" }, Action = "s3:PutObject", Resource = "${aws_s3_bucket.site.arn}/*" },
      # ok: tf-iam-resource-policy-public-principal
      {
        Effect    = "Deny"
        Principal = "*"
        Action    = "s3:*"
        Resource  = "${aws_s3_bucket.site.arn}/*"
        Condition = { Bool = { "aws:SecureTransport" = "false" } }
      },
      # ok: tf-iam-resource-policy-public-principal
      {
        Effect    = "Allow"
        Principal = "*"
        Action    = "s3:GetObject"
        Resource  = "${aws_s3_bucket.site.arn}/*"
        Condition = { StringEquals = { "aws:SourceVpce" = var.vpce_id } }
      },
      # ok: tf-iam-resource-policy-public-principal
      {
        Effect    = "Allow"
        Principal = { Service = "cloudfront.amazonaws.com" }
        Action    = "s3:GetObject"
        Resource  = "${aws_s3_bucket.site.arn}/*"
      }
    ]
  })
}

data "aws_iam_policy_document" "queue" {
  # ruleid: tf-iam-resource-policy-public-principal
  statement {
    actions   = ["sqs:SendMessage"]
    resources = [aws_sqs_queue.q.arn]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
  }
  # ok: tf-iam-resource-policy-public-principal
  statement {
    actions   = ["sqs:SendMessage"]
    resources = [aws_sqs_queue.q.arn]
    principals {
      type        = "Service"
      identifiers = ["sns.amazonaws.com"]
    }
  }
  # ok: tf-iam-resource-policy-public-principal
  statement {
    actions   = ["sqs:SendMessage"]
    resources = [aws_sqs_queue.q.arn]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
    condition {
      test     = "ArnEquals"
      variable = "aws:SourceArn"
      values   = [aws_sns_topic.t.arn]
    }
  }
}
