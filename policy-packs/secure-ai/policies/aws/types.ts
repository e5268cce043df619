/**
 * AWS type tokens the policies match on, as strings: comparing `args.type` with a token costs nothing,
 * while `validateResourceOfType(aws.s3.Bucket, ...)` would load the @pulumi/aws modules into the pack.
 * Verified against `__pulumiType` in node_modules/@pulumi/aws 7.48.
 */
export const AWS = {
  kmsKey: "aws:kms/key:Key",
  kmsKeyPolicy: "aws:kms/keyPolicy:KeyPolicy",
  kmsExternalKey: "aws:kms/externalKey:ExternalKey",
  s3Bucket: "aws:s3/bucket:Bucket",
  s3BucketV2: "aws:s3/bucketV2:BucketV2",
  s3Encryption: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
  s3EncryptionV2:
    "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
  s3PublicAccessBlock: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
  s3Versioning: "aws:s3/bucketVersioning:BucketVersioning",
  s3VersioningV2: "aws:s3/bucketVersioningV2:BucketVersioningV2",
  s3BucketPolicy: "aws:s3/bucketPolicy:BucketPolicy",
  s3ObjectLock: "aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration",
  s3ObjectLockV2: "aws:s3/bucketObjectLockConfigurationV2:BucketObjectLockConfigurationV2",
  s3Lifecycle: "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
  s3LifecycleV2: "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2",
  ebsVolume: "aws:ebs/volume:Volume",
  logGroup: "aws:cloudwatch/logGroup:LogGroup",
  snsTopic: "aws:sns/topic:Topic",
  sagemakerEndpointConfiguration: "aws:sagemaker/endpointConfiguration:EndpointConfiguration",
  sagemakerNotebookInstance: "aws:sagemaker/notebookInstance:NotebookInstance",
  sagemakerDomain: "aws:sagemaker/domain:Domain",
  sagemakerModel: "aws:sagemaker/model:Model",
  bedrockCustomModel: "aws:bedrock/customModel:CustomModel",
  bedrockGuardrail: "aws:bedrock/guardrail:Guardrail",
  lbListener: "aws:lb/listener:Listener",
  albListener: "aws:alb/listener:Listener",
  apiGatewayRestApi: "aws:apigateway/restApi:RestApi",
  apiGatewayDomainName: "aws:apigateway/domainName:DomainName",
  cloudfrontDistribution: "aws:cloudfront/distribution:Distribution",
  ec2Instance: "aws:ec2/instance:Instance",
  ec2Subnet: "aws:ec2/subnet:Subnet",
  ec2SecurityGroup: "aws:ec2/securityGroup:SecurityGroup",
  ec2SecurityGroupRule: "aws:ec2/securityGroupRule:SecurityGroupRule",
  vpcSecurityGroupIngressRule: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
  cloudtrailTrail: "aws:cloudtrail/trail:Trail",
  guarddutyDetector: "aws:guardduty/detector:Detector",
  securityhubAccount: "aws:securityhub/account:Account",
  eventRule: "aws:cloudwatch/eventRule:EventRule",
  eventTarget: "aws:cloudwatch/eventTarget:EventTarget",
} as const;

/** Both S3 bucket resource types of aws v7 (`BucketV2` is the deprecated alias). */
export const S3_BUCKET_TYPES: readonly string[] = [AWS.s3Bucket, AWS.s3BucketV2];
