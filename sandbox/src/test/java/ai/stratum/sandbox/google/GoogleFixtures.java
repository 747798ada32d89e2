package ai.stratum.sandbox.google;

/**
 * The Google Ads wire fixtures the Google Ads plugin is tested with (its
 * {@code src/test/resources/fixtures/}, copied from the project's shared fixtures), held here
 * verbatim as JSON text so the emulator's answers can be compared with them: the same fields, the
 * same JSON types. A long stream is cut to its first row.
 */
final class GoogleFixtures {

    /** {@code google/searchstream.response.json (its first row)}. */
    static final String SEARCH_STREAM = """
            [
              {
                "results": [
                  {
                    "campaign": {
                      "resourceName": "customers/4826193057/campaigns/21554128631",
                      "status": "ENABLED",
                      "name": "Search | Brand | Exact",
                      "id": "21554128631"
                    },
                    "metrics": {
                      "clicks": "361",
                      "conversionsValue": 2249.51,
                      "conversions": 24.66,
                      "costMicros": "182710000",
                      "impressions": "3078"
                    },
                    "segments": {
                      "date": "2026-09-01"
                    }
                  }
                ],
                "fieldMask": "campaign.id,campaign.name,campaign.status,segments.date,metrics.costMicros,metrics.impressions,metrics.clicks,metrics.conversions,metrics.conversionsValue",
                "requestId": "tTqZKHbtOL29Jg7mJFlY6Q",
                "queryResourceConsumption": "1246"
              }
            ]""";

    /** {@code google/searchstream.request.json}. */
    static final String SEARCH_STREAM_REQUEST = """
            {
              "query": "SELECT campaign.id, campaign.name, campaign.status, segments.date, metrics.cost_micros, metrics.impressions, metrics.clicks, metrics.conversions, metrics.conversions_value FROM campaign WHERE segments.date BETWEEN '2026-09-01' AND '2026-09-14' ORDER BY segments.date ASC"
            }""";

    /** {@code google/searchstream.response.empty.json}. */
    static final String SEARCH_STREAM_EMPTY = """
            [
              {
                "fieldMask": "campaign.id,campaign.name,campaign.status,segments.date,metrics.costMicros,metrics.impressions,metrics.clicks,metrics.conversions,metrics.conversionsValue",
                "requestId": "kP8sW3eYq1Zt6RmN0cLbXg",
                "queryResourceConsumption": "312"
              }
            ]""";

    /** {@code google/error.resource-exhausted.json}. */
    static final String RESOURCE_EXHAUSTED = """
            {
              "error": {
                "code": 429,
                "message": "Resource has been exhausted (e.g. check quota).",
                "status": "RESOURCE_EXHAUSTED",
                "details": [
                  {
                    "@type": "type.googleapis.com/google.ads.googleads.v26.errors.GoogleAdsFailure",
                    "errors": [
                      {
                        "errorCode": {
                          "quotaError": "RESOURCE_EXHAUSTED"
                        },
                        "message": "Too many requests. Retry in 40591 seconds.",
                        "details": {
                          "quotaErrorDetails": {
                            "rateScope": "DEVELOPER",
                            "rateName": "Number of operations for basic access",
                            "retryDelay": "40591s"
                          }
                        }
                      }
                    ],
                    "requestId": "xN_KaZRHZuU6Rlgt3cM2uQ"
                  }
                ]
              }
            }""";

    /** {@code google/searchstream.error.resource-exhausted.json}. */
    static final String STREAM_RESOURCE_EXHAUSTED = """
            [
              {
                "error": {
                  "code": 429,
                  "message": "Resource has been exhausted (e.g. check quota).",
                  "status": "RESOURCE_EXHAUSTED",
                  "details": [
                    {
                      "@type": "type.googleapis.com/google.ads.googleads.v26.errors.GoogleAdsFailure",
                      "errors": [
                        {
                          "errorCode": {
                            "quotaError": "RESOURCE_EXHAUSTED"
                          },
                          "message": "Too many requests. Retry in 40591 seconds.",
                          "details": {
                            "quotaErrorDetails": {
                              "rateScope": "DEVELOPER",
                              "rateName": "Number of operations for basic access",
                              "retryDelay": "40591s"
                            }
                          }
                        }
                      ],
                      "requestId": "xN_KaZRHZuU6Rlgt3cM2uQ"
                    }
                  ]
                }
              }
            ]""";

    /** {@code google/error.authentication.access-token-expired.json}. */
    static final String ACCESS_TOKEN_EXPIRED = """
            {
              "error": {
                "code": 401,
                "message": "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.",
                "status": "UNAUTHENTICATED",
                "details": [
                  {
                    "@type": "type.googleapis.com/google.rpc.ErrorInfo",
                    "reason": "ACCESS_TOKEN_EXPIRED",
                    "domain": "googleapis.com",
                    "metadata": {
                      "method": "google.ads.googleads.v26.services.GoogleAdsService.SearchStream",
                      "service": "googleads.googleapis.com"
                    }
                  }
                ]
              }
            }""";

    /** {@code google/error.authentication.not-ads-user.json}. */
    static final String NOT_ADS_USER = """
            {
              "error": {
                "code": 401,
                "message": "Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.",
                "status": "UNAUTHENTICATED",
                "details": [
                  {
                    "@type": "type.googleapis.com/google.ads.googleads.v26.errors.GoogleAdsFailure",
                    "errors": [
                      {
                        "errorCode": {
                          "authenticationError": "NOT_ADS_USER"
                        },
                        "message": "User in the cookie is not a valid Ads user."
                      }
                    ],
                    "requestId": "Qw3eRt5yUi7oPa9sDf1gHj"
                  }
                ]
              }
            }""";

    /** {@code google/campaignbudgets.mutate.request.json}. */
    static final String BUDGET_MUTATE_REQUEST = """
            {
              "operations": [
                {
                  "updateMask": "amountMicros",
                  "update": {
                    "resourceName": "customers/4826193057/campaignBudgets/13498720554",
                    "amountMicros": "650000000"
                  }
                }
              ],
              "partialFailure": false,
              "validateOnly": false
            }""";

    /** {@code google/campaignbudgets.mutate.response.json}. */
    static final String BUDGET_MUTATE = """
            {
              "results": [
                {
                  "resourceName": "customers/4826193057/campaignBudgets/13498720554"
                }
              ]
            }""";

    /** {@code google/campaignbudgets.mutate.response.mutable-resource.json}. */
    static final String BUDGET_MUTATE_MUTABLE = """
            {
              "results": [
                {
                  "resourceName": "customers/4826193057/campaignBudgets/13498720554",
                  "campaignBudget": {
                    "resourceName": "customers/4826193057/campaignBudgets/13498720554",
                    "status": "ENABLED",
                    "deliveryMethod": "STANDARD",
                    "period": "DAILY",
                    "type": "STANDARD",
                    "id": "13498720554",
                    "name": "PMax | All Products | US budget",
                    "amountMicros": "650000000",
                    "explicitlyShared": false
                  }
                }
              ]
            }""";

    /** {@code google/campaigns.mutate.request.json}. */
    static final String CAMPAIGN_MUTATE_REQUEST = """
            {
              "operations": [
                {
                  "updateMask": "status",
                  "update": {
                    "resourceName": "customers/4826193057/campaigns/21603377210",
                    "status": "PAUSED"
                  }
                }
              ]
            }""";

    /** {@code google/campaigns.mutate.response.json}. */
    static final String CAMPAIGN_MUTATE = """
            {
              "results": [
                {
                  "resourceName": "customers/4826193057/campaigns/21603377210"
                }
              ]
            }""";

    /** {@code oauth/google.refresh.response.json}. */
    static final String OAUTH_REFRESH = """
            {
              "access_token": "ya29.a0AfB_byFixtureAccessTokenDoNotUse",
              "expires_in": 3599,
              "scope": "https://www.googleapis.com/auth/adwords",
              "token_type": "Bearer"
            }""";

    /** {@code oauth/google.refresh.error.invalid-grant.json}. */
    static final String OAUTH_INVALID_GRANT = """
            {
              "error": "invalid_grant",
              "error_description": "Token has been expired or revoked."
            }""";

    private GoogleFixtures() {
    }
}
