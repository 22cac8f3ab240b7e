/**
 * Server-rendered pages (Thymeleaf; templates, styles and texts live in the case-ui module), one
 * controller per audience. Citizen pages work without JavaScript: plain form posts, the same
 * validation and rate limits as the citizen API.
 */
package org.hotline8890.web;
