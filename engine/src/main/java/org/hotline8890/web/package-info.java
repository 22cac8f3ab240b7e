/**
 * Server-rendered pages (Thymeleaf; templates, styles and texts live in the case-ui module), one
 * controller per audience. Citizen pages work without JavaScript: plain form posts, the same
 * validation and rate limits as the citizen API. Admin pages (/admin/**) are plain forms too; their
 * rules stay in the packages that own the data (organisation, calendar, intake), the pages only ask.
 */
package org.hotline8890.web;
