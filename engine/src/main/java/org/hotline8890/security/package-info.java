/**
 * Security: staff log in (form login for pages, HTTP Basic for the API), passwords are BCrypt
 * hashes, and a department acts only on cases of its own subtree. Citizen and public endpoints need
 * no login; a citizen reaches a case only with its number and query code.
 */
package org.hotline8890.security;
