/**
 * AWS serverless front doors: Lambda functions and function URLs, API Gateway v2 domain names and stages.
 * Property names verified in node_modules/@pulumi/aws 7.48 (`<module>/<resource>.d.ts` and
 * `types/input.d.ts`).
 */
import { isSet, oneOf, type ResourceFacts } from "../../lib/facts";
import { KEY, cmk } from "./common";

/** Lambda functions and function URLs, API Gateway v2 domain names and stages. */
export const AWS_LAMBDA_APIGATEWAY_FACTS: readonly ResourceFacts[] = [
  {
    type: "aws:lambda/function:Function",
    service: "lambda",
    resource: "function",
    title: "Lambda functions with environment variables",
    baseline: {
      role: "arn:aws:iam::111111111111:role/fn",
      runtime: "nodejs22.x",
      handler: "index.handler",
      environment: { variables: { STAGE: "prod" } },
      kmsKeyArn: KEY,
    },
    groups: [
      {
        concern: "cmk",
        facts: [
          cmk(
            "kmsKeyArn",
            "https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars-encryption.html",
            {
              when: { path: "environment", present: true },
            },
          ),
        ],
      },
    ],
  },
  {
    type: "aws:lambda/functionUrl:FunctionUrl",
    service: "lambda",
    resource: "functionurl",
    title: "Lambda function URLs",
    baseline: { functionName: "chat", authorizationType: "AWS_IAM" },
    groups: [
      {
        concern: "public",
        facts: [
          oneOf(
            "authorizationType",
            ["AWS_IAM"],
            undefined,
            "NONE makes the function callable by anyone on the internet",
            "https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html",
          ),
        ],
      },
    ],
  },
  {
    type: "aws:apigatewayv2/domainName:DomainName",
    service: "apigatewayv2",
    resource: "domainname",
    title: "API Gateway v2 custom domain names",
    baseline: {
      domainName: "api.example.com",
      domainNameConfiguration: {
        certificateArn: "arn:aws:acm:eu-west-1:111111111111:certificate/1",
        endpointType: "REGIONAL",
        securityPolicy: "TLS_1_2",
      },
    },
    groups: [
      {
        concern: "tls",
        facts: [
          oneOf(
            "domainNameConfiguration.securityPolicy",
            ["TLS_1_2"],
            undefined,
            "TLS 1.0 is accepted (HTTP and WebSocket APIs support TLS_1_2 at most)",
            "https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-custom-domain-tls-version.html",
          ),
        ],
      },
    ],
  },
  {
    type: "aws:apigatewayv2/stage:Stage",
    service: "apigatewayv2",
    resource: "stage",
    title: "API Gateway v2 stages",
    baseline: {
      apiId: "a1",
      name: "$default",
      accessLogSettings: {
        destinationArn: "arn:aws:logs:eu-west-1:111111111111:log-group:api",
        format: "$context.requestId",
      },
    },
    groups: [
      {
        concern: "logging",
        facts: [
          isSet(
            "accessLogSettings.destinationArn",
            "requests are not access-logged",
            "https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-logging.html",
          ),
        ],
      },
    ],
  },
];
