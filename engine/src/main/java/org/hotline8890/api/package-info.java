/**
 * The JSON API, one controller per audience: citizens, agents, the center, departments, the public
 * and admins. Controllers validate input (400 with the field and the reason) and call the
 * capability services; they hold no rules of their own. Described by OpenAPI at /v3/api-docs.
 */
package org.hotline8890.api;
