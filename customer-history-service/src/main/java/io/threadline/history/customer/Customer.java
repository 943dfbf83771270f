package io.threadline.history.customer;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A customer as the history knows it: who they are and every way to reach them. */
@Schema(name = "Customer", example = """
        {"customerId": "c-7f3a", "displayName": "Alice Martin",
         "identities": [{"channel": "email", "address": "alice@example.com", "verified": true}]}""")
public record Customer(String customerId, String displayName, List<CustomerIdentity> identities) {
}
