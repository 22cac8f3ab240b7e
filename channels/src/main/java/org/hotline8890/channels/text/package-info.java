/** Text as channels receive it: plain text out of the HTML of mails and posts. */
package org.hotline8890.channels.text;
