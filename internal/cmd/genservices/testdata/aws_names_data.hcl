// An excerpt of names/data/names_data.hcl (hashicorp/terraform-provider-aws)
// with the shapes the extractor must handle.

service "acm" {
  sdk {
    id             = "ACM"
    client_version = [2]
  }

  names {
    provider_name_upper = "ACM"
    human_friendly      = "ACM (Certificate Manager)"
  }

  resource_prefix {
    correct = "aws_acm_"
  }

  provider_package_correct = "acm"
  doc_prefix               = ["acm_"]
  brand                    = "AWS"
}

service "alexaforbusiness" {
  names {
    human_friendly = "Alexa for Business"
  }

  resource_prefix {
    correct = "aws_alexaforbusiness_"
  }

  doc_prefix      = ["alexaforbusiness_"]
  not_implemented = true
}

service "cloudwatch" {
  names {
    human_friendly = "CloudWatch"
  }

  resource_prefix {
    actual  = "aws_cloudwatch_(?!(event_|log_|query_))"
    correct = "aws_cloudwatch_"
  }

  doc_prefix = ["cloudwatch_dashboard", "cloudwatch_metric_", "cloudwatch_composite_"]
}

service "logs" {
  names {
    human_friendly = "CloudWatch Logs"
  }

  resource_prefix {
    actual  = "aws_cloudwatch_(log_|query_)"
    correct = "aws_logs_"
  }

  doc_prefix = ["cloudwatch_log_", "cloudwatch_query_"]
}

service "elbv2" {
  names {
    human_friendly = "ELB (Elastic Load Balancing)"
  }

  resource_prefix {
    actual  = "aws_a?lb(\\b|_listener|_target_group|s|_trust_store)"
    correct = "aws_elbv2_"
  }

  doc_prefix = ["lbs?\\.", "lb_listener", "lb_target_group", "lb_hosted", "lb_trust_store"]
}

service "kinesisvideo" {
  names {
    human_friendly = "Kinesis Video"
  }

  resource_prefix {
    correct = "aws_kinesisvideo_"
  }

  doc_prefix = ["kinesis_video_"]
}

service "meta" {
  names {
    human_friendly = "Meta Data Sources"
  }

  resource_prefix {
    actual  = "aws_(arn|billing_service_account|default_tags|ip_ranges|partition|regions?|service|service_principal)$"
    correct = "aws_meta_"
  }

  exclude = true
  note    = "Not an AWS service (metadata)"
}

service "ec2" {
  names {
    human_friendly = "EC2 (Elastic Compute Cloud)"
  }

  resource_prefix {
    actual  = "aws_(ami|ec2_(capacity|host|instance)|eip|instance)"
    correct = "aws_ec2_"
  }

  sub_service "vpc" {
    names {
      human_friendly = "VPC (Virtual Private Cloud)"
    }

    resource_prefix {
      actual  = "aws_((default_)?(security_group|subnet|vpc(?!_ipam))|ec2_(managed|traffic)|route\\b)"
      correct = "aws_vpc_"
    }

    exclude = true
    note    = "Part of EC2"
  }

  sub_service "ipam" {
    names {
      human_friendly = "VPC IPAM (IP Address Manager)"
    }

    resource_prefix {
      actual  = "aws_vpc_ipam"
      correct = "aws_ipam_"
    }

    exclude = true
    note    = "Part of EC2"
  }

  doc_prefix = ["ami", "ec2_capacity_", "ec2_host", "ec2_instance_", "eip", "instance"]
}

service "cloudformation" {
  names {
    human_friendly = "CloudFormation"
  }

  resource_prefix {
    correct = "aws_cloudformation_"
  }
}
