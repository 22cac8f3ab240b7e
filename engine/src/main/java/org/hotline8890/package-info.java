/**
 * Hotline 8890 engine: the Spring Boot application that turns contacts into cases, runs each case's
 * life on Camunda, and serves the REST API for citizens, agents, the center, departments and the
 * public. Each sub-package is one capability.
 */
package org.hotline8890;
