package org.hotline8890.attachments;

/** Why a file was uploaded to a case. */
public enum AttachmentPurpose {
    /** Evidence with a department's reply. */
    REPLY,
    /** Photos or documents a citizen sent with the request. */
    REQUEST,
    /** Evidence with an assisting unit's contribution (协办意见). */
    ASSIST
}
