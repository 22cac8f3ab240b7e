package org.hotline8890.channels.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AttachmentStoreTest {

    @TempDir Path directory;

    @Test
    void theSameContentIsStoredOnceUnderItsHash() throws Exception {
        AttachmentStore store = new AttachmentStore(directory.resolve("attachments"), 100);
        byte[] photo = "photo".getBytes();

        AttachmentStore.Stored first = store.store(new ByteArrayInputStream(photo)).orElseThrow();
        AttachmentStore.Stored again = store.store(new ByteArrayInputStream(photo)).orElseThrow();

        assertThat(again).isEqualTo(first);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(photo));
        assertThat(first.storageRef()).isEqualTo("sha256:" + sha256);
        assertThat(first.sizeBytes()).isEqualTo(photo.length);
        try (var files = Files.list(directory.resolve("attachments"))) {
            assertThat(files).singleElement().satisfies(file -> {
                assertThat(file.getFileName()).hasToString(sha256);
                assertThat(file).hasBinaryContent(photo);
            });
        }
    }

    @Test
    void contentOverTheLimitIsNotKeptAndLeavesNothingBehind() throws Exception {
        AttachmentStore store = new AttachmentStore(directory, 10);

        assertThat(store.store(new ByteArrayInputStream(new byte[11]))).isEmpty();
        assertThat(store.store(new ByteArrayInputStream(new byte[10]))).isPresent();
        try (var files = Files.list(directory)) {
            assertThat(files).hasSize(1);
        }
    }
}
