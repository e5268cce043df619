/** TLS 1.3-only security policies per AWS service, the defaults of the TLS policies' allow-lists. */

/** ALB/NLB security policies that accept TLS 1.3 only (classic, FIPS, and hybrid post-quantum 2025-09). */
export const ELB_TLS13_ONLY_POLICIES: readonly string[] = [
  "ELBSecurityPolicy-TLS13-1-3-2021-06",
  "ELBSecurityPolicy-TLS13-1-3-FIPS-2023-04",
  "ELBSecurityPolicy-TLS13-1-3-PQ-2025-09",
  "ELBSecurityPolicy-TLS13-1-3-FIPS-PQ-2025-09",
];

/** API Gateway REST enhanced security policies that accept TLS 1.3 only (regional/private, edge). */
export const API_GATEWAY_TLS13_ONLY_POLICIES: readonly string[] = [
  "SecurityPolicy_TLS13_1_3_2025_09",
  "SecurityPolicy_TLS13_2025_EDGE",
];

/** CloudFront viewer security policies that accept TLS 1.3 only. */
export const CLOUDFRONT_TLS13_ONLY_POLICIES: readonly string[] = ["TLSv1.3_2025"];
