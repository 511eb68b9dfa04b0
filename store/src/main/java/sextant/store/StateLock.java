package sextant.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * One writer per state directory: an operating-system lock on {@code <state-dir>/sextant.lock}. The operating
 * system releases it when the process ends in any way (exit, exception, SIGKILL, crash), so a dead process's lock
 * is taken over by the next run without any clean-up; the file itself stays and only says who held it last.
 */
public final class StateLock implements AutoCloseable {
    static final String FILE = "sextant.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private StateLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock, or fails at once with "another cycle is running in this state directory" (never waits: a
     * cron job that overlaps should be noticed, not queued).
     */
    public static StateLock acquire(Path stateDir, String what) {
        Path file = stateDir.resolve(FILE);
        FileChannel ch = null;
        try {
            Database.ensureStateDir(stateDir);
            ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // held by this same process (another thread, or a test)
            }
            if (lock == null) {
                String holder = holder(file);
                ch.close();
                throw new StateDirectoryException("another cycle is running in this state directory (" + stateDir
                        + (holder.isEmpty() ? "" : ", " + holder) + "); wait for it to finish, or use another --state-dir",
                        null);
            }
            ch.truncate(0);
            ch.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + " " + what + " since " + Instant.now()
                    + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            ch.force(false);
            return new StateLock(ch, lock);
        } catch (IOException e) {
            if (ch != null) {
                try {
                    ch.close();
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw new StateDirectoryException("cannot lock state directory " + stateDir + " (" + e.getMessage()
                    + "); check it is writable", e);
        }
    }

    private static String holder(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new StateDirectoryException("cannot release the lock " + FILE + " (" + e.getMessage() + ")", e);
        }
    }
}
