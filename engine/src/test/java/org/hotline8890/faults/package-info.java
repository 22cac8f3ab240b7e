/**
 * The fault suite ({@code mvn -P faults verify}, docs/faults.md): the engine jar as separate OS processes
 * on a private MariaDB and RabbitMQ that the tests kill and restart, to show that no contact is lost or
 * made twice and that every timer fires once.
 */
package org.hotline8890.faults;
