package org.hotline8890.channels.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Attachment bytes on disk, one file per SHA-256 of the content: the same file sent twice (or a
 * mail read again after a crash) is stored once, and the name proves the content. A file appears
 * under its final name only when complete, so a reference handed to the intake queue always resolves.
 */
final class AttachmentStore {

    static final String REF_PREFIX = "sha256:";

    private final Path directory;
    private final long maxBytes;

    AttachmentStore(Path directory, long maxBytes) {
        this.directory = directory;
        this.maxBytes = maxBytes;
    }

    /** What was kept: {@code storageRef} names the file. */
    record Stored(String storageRef, long sizeBytes) {
    }

    /** The store could not write: a problem of this machine (disk full, no permission), not of the mail. */
    static final class StorageFailedException extends UncheckedIOException {
        StorageFailedException(IOException cause) {
            super("attachment store cannot write: " + cause.getMessage(), cause);
        }
    }

    /**
     * Stores the content unless it is larger than the limit.
     *
     * @return the stored file, or empty with nothing kept when the content is too large
     * @throws IOException            the content could not be read
     * @throws StorageFailedException the store could not write it
     */
    Optional<Stored> store(InputStream content) throws IOException {
        Path partial = createPartialFile();
        try {
            MessageDigest sha256 = sha256();
            long size = writeAtMost(content, partial, sha256);
            if (size > maxBytes) {
                return Optional.empty();
            }
            String hash = HexFormat.of().formatHex(sha256.digest());
            Path target = directory.resolve(hash);
            if (!Files.exists(target)) {
                moveIntoPlace(partial, target);
            }
            return Optional.of(new Stored(REF_PREFIX + hash, size));
        } finally {
            deleteQuietly(partial);
        }
    }

    private Path createPartialFile() {
        try {
            Files.createDirectories(directory);
            return Files.createTempFile(directory, "incoming-", ".part");
        } catch (IOException e) {
            throw new StorageFailedException(e);
        }
    }

    /** Writes up to one byte past the limit, so "too large" is known without reading it all. */
    private long writeAtMost(InputStream in, Path partial, MessageDigest sha256) throws IOException {
        try (FileChannel file = openForWriting(partial);
             OutputStream out = new DigestOutputStream(Channels.newOutputStream(file), sha256)) {
            byte[] buffer = new byte[8192];
            long total = 0;
            int read;
            while ((read = in.read(buffer)) != -1) {
                total += read;
                if (total > maxBytes) {
                    return total;
                }
                write(out, buffer, read);
            }
            // The queue will hold a reference to this file: it must survive a power cut first.
            force(file);
            return total;
        }
    }

    private static FileChannel openForWriting(Path partial) {
        try {
            return FileChannel.open(partial, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new StorageFailedException(e);
        }
    }

    private static void write(OutputStream out, byte[] buffer, int length) {
        try {
            out.write(buffer, 0, length);
        } catch (IOException e) {
            throw new StorageFailedException(e);
        }
    }

    private static void force(FileChannel file) {
        try {
            file.force(true);
        } catch (IOException e) {
            throw new StorageFailedException(e);
        }
    }

    private static void deleteQuietly(Path partial) {
        try {
            Files.deleteIfExists(partial);
        } catch (IOException leftBehind) {
            // a stray .part file is harmless: its name never matches a reference
        }
    }

    private static void moveIntoPlace(Path partial, Path target) {
        try {
            try {
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (FileAlreadyExistsException sameContentArrivedMeanwhile) {
            // another poll stored the same bytes first: the file under this hash is already right
        } catch (IOException e) {
            throw new StorageFailedException(e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
