# Plans of the stand-in provider (testdata/blocks/standin) for
# blocks_test.go: every catalog condition that names a nested block, or an
# attribute inside one, with the block unset, set, set empty and repeated,
# as Terraform and OpenTofu write them in `terraform show -json`.

terraform {
  required_providers {
    aws     = { source = "hashicorp/aws" }
    awsold  = { source = "standin/awsold" }
    azurerm = { source = "hashicorp/azurerm" }
    google  = { source = "hashicorp/google" }
  }
}

# ECS capacity providers: an Auto Scaling group (managed_instances_provider
# unset: []) and ECS Managed Instances.
resource "aws_ecs_capacity_provider" "asg" {
  name = "asg"
  auto_scaling_group_provider {
    auto_scaling_group_arn = "arn:aws:autoscaling:eu-west-1:111122223333:autoScalingGroup:uuid:autoScalingGroupName/asg"
  }
}

resource "aws_ecs_capacity_provider" "managed" {
  name = "managed"
  managed_instances_provider {
    infrastructure_role_arn = "arn:aws:iam::111122223333:role/ecs-infrastructure"
  }
}

# ECS services: a launch type and no strategy, one Fargate strategy, and
# strategies that disagree.
resource "aws_ecs_service" "ec2" {
  name        = "ec2"
  launch_type = "EC2"
}

resource "aws_ecs_service" "fargate" {
  name = "fargate"
  capacity_provider_strategy {
    capacity_provider = "FARGATE"
    weight            = "1"
  }
}

resource "aws_ecs_service" "mixed" {
  name = "mixed"
  capacity_provider_strategy {
    capacity_provider = "FARGATE"
    weight            = "1"
  }
  capacity_provider_strategy {
    capacity_provider = "asg"
    weight            = "1"
  }
}

# Neither a launch type nor a strategy: the cluster's default capacity
# provider strategy (audit N11). launch_type is optional and computed, as in
# the aws provider: known only after apply here and in the services above
# that do not set it.
resource "aws_ecs_service" "cluster_default" {
  name = "cluster-default"
}

# ECS task sets: the same conditions as the services.
resource "aws_ecs_task_set" "ec2" {
  service     = "ec2"
  launch_type = "EC2"
}

resource "aws_ecs_task_set" "spot" {
  service = "spot"
  capacity_provider_strategy {
    capacity_provider = "FARGATE_SPOT"
    weight            = "1"
  }
}

resource "aws_ecs_task_set" "cluster_default" {
  service = "cluster-default"
}

# EKS clusters: standard (both blocks unset), Auto Mode, Hybrid Nodes.
resource "aws_eks_cluster" "standard" {
  name = "standard"
}

resource "aws_eks_cluster" "auto" {
  name = "auto"
  compute_config {
    enabled    = true
    node_pools = ["general-purpose"]
  }
}

resource "aws_eks_cluster" "hybrid" {
  name = "hybrid"
  remote_network_config {
    remote_node_networks {
      cidrs = ["10.80.0.0/16"]
    }
  }
}

# Lambda functions: Zip and Image, and one of a provider version that
# predates package_type (the attribute is absent from the plan).
resource "aws_lambda_function" "zip" {
  function_name = "zip"
  package_type  = "Zip"
}

resource "aws_lambda_function" "image" {
  function_name = "image"
  package_type  = "Image"
}

resource "aws_lambda_function" "old" {
  provider      = awsold
  function_name = "old"
}

# Elastic Beanstalk: managed platform updates are an option of the setting
# blocks, not an attribute.
resource "aws_elastic_beanstalk_environment" "managed" {
  name = "managed"
  setting {
    namespace = "aws:elasticbeanstalk:managedactions"
    name      = "ManagedActionsEnabled"
    value     = "true"
  }
  setting {
    namespace = "aws:elasticbeanstalk:environment"
    name      = "EnvironmentType"
    value     = "LoadBalanced"
  }
}

resource "aws_elastic_beanstalk_environment" "unmanaged" {
  name = "unmanaged"
  setting {
    namespace = "aws:elasticbeanstalk:environment"
    name      = "EnvironmentType"
    value     = "SingleInstance"
  }
}

# App Service: a code stack, a container, and site_config without an
# application_stack.
resource "azurerm_linux_web_app" "code" {
  name = "code"
  site_config {
    application_stack {
      python_version = "3.12"
    }
  }
}

resource "azurerm_linux_web_app" "container" {
  name = "container"
  site_config {
    application_stack {
      docker_image_name = "payments/api:1.4"
    }
  }
}

resource "azurerm_linux_web_app" "bare" {
  name = "bare"
  site_config {}
}

resource "azurerm_linux_function_app" "code" {
  name = "code"
  site_config {
    application_stack {
      python_version = "3.12"
    }
  }
}

resource "azurerm_linux_function_app" "container" {
  name = "container"
  site_config {
    application_stack {
      docker {
        image_name = "payments/worker"
      }
    }
  }
}

resource "azurerm_linux_virtual_machine_scale_set" "automatic" {
  name = "automatic"
  automatic_os_upgrade_policy {
    automatic_os_upgrade_enabled = true
  }
}

resource "azurerm_linux_virtual_machine_scale_set" "manual" {
  name = "manual"
}

resource "azurerm_orchestrated_virtual_machine_scale_set" "linux" {
  name = "linux"
  os_profile {
    linux_configuration {
      patch_mode = "AutomaticByPlatform"
    }
  }
}

resource "azurerm_orchestrated_virtual_machine_scale_set" "windows" {
  name = "windows"
  os_profile {
    windows_configuration {}
  }
}

# Cloud Run functions: automatic updates (an empty block) and on deploy.
resource "google_cloudfunctions2_function" "automatic" {
  name = "automatic"
  build_config {
    runtime = "python312"
    automatic_update_policy {}
  }
}

resource "google_cloudfunctions2_function" "on_deploy" {
  name = "on-deploy"
  build_config {
    runtime = "python312"
    on_deploy_update_policy {}
  }
}

# Cloud Run: a customer image, a source deployment on a base image, and a
# base image with a customer-built sidecar.
resource "google_cloud_run_v2_service" "image" {
  name = "image"
  template {
    containers {
      image = "europe-docker.pkg.dev/acme/app/api:1"
    }
  }
}

resource "google_cloud_run_v2_service" "source" {
  name = "source"
  template {
    containers {
      image          = "europe-docker.pkg.dev/acme/app/api:1"
      base_image_uri = "europe-west1-docker.pkg.dev/serverless-runtimes/google-22/runtimes/python312"
    }
  }
}

resource "google_cloud_run_v2_service" "sidecar" {
  name = "sidecar"
  template {
    containers {
      image          = "europe-docker.pkg.dev/acme/app/api:1"
      base_image_uri = "europe-west1-docker.pkg.dev/serverless-runtimes/google-22/runtimes/python312"
    }
    containers {
      image = "europe-docker.pkg.dev/acme/app/proxy:1"
    }
  }
}

resource "google_container_node_pool" "auto" {
  name = "auto"
  management {
    auto_upgrade = true
    auto_repair  = true
  }
}

resource "google_container_node_pool" "unmanaged" {
  name = "unmanaged"
}

resource "google_kms_crypto_key" "hsm" {
  name = "hsm"
  version_template {
    algorithm        = "GOOGLE_SYMMETRIC_ENCRYPTION"
    protection_level = "HSM"
  }
}

resource "google_kms_crypto_key" "default" {
  name = "default"
}
