package io.deltahedger.backtest.replay;

import io.deltahedger.backtest.tardis.TardisDataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Unrecognised symbols and bad values in replayed files: counted with file and line and skipped, or fatal. */
class ReplayBadRowsTest
{
    @Test
    void unknownSymbolsAndBadValuesAreReportedWithFileAndLineThenSkippedOrFatalWhenStrict(@TempDir final Path dir)
        throws IOException
    {
        final List<Path> files = TwoExpiryMarket.write(dir);
        final Path chain = files.get(2);
        final long lines = Files.readAllLines(chain).size();
        // a USDC-margined option (not a name DeribitNames recognises), and a mark IV that is not a number
        final String late = Long.toString((TwoExpiryMarket.END_MS - 1_000) * 1000);
        Files.writeString(chain, String.join("\n",
            "deribit,BTC_USDC-27FEB26-60000-C," + late + "," + late + ",call,60000,1772179200000000,10,,,,,,,,0.05,60.00,"
                + "SYN.BTC-27FEB26,60000.00,0.50000,0.00001,10.0,-50.0,1.0",
            "deribit,BTC-27FEB26-60000-C," + late + "," + late + ",call,60000,1772179200000000,10,,,,,,,,0.05,abc,"
                + "SYN.BTC-27FEB26,60000.00,0.50000,0.00001,10.0,-50.0,1.0") + "\n",
            StandardCharsets.US_ASCII, StandardOpenOption.APPEND);
        final BacktestResult lenient = Backtest.run(
            BacktestConfig.of(files, new BookSource.ShortStrangle("BTC", 0.25, 1), "BTC", 0.5, 0, false));
        assertEquals(2, lenient.badRows(), lenient.badRowSummary());
        final String name = chain.getFileName().toString();
        assertTrue(lenient.badRowMessages().get(0).startsWith(name + ":" + (lines + 1) + ": UNKNOWN_SYMBOL"),
            lenient.badRowMessages().toString());
        assertTrue(lenient.badRowMessages().get(1).startsWith(name + ":" + (lines + 2) + ": NOT_A_NUMBER"),
            lenient.badRowMessages().toString());
        assertEquals(6, lenient.bookEvents().size(), "the run went on: " + lenient.bookEvents());

        final TardisDataException strict = assertThrows(TardisDataException.class, () -> Backtest.run(
            BacktestConfig.of(files, new BookSource.ShortStrangle("BTC", 0.25, 1), "BTC", 0.5, 0, true)));
        assertTrue(strict.getMessage().startsWith(name + ":" + (lines + 1) + ": UNKNOWN_SYMBOL"), strict.getMessage());
    }

    @Test
    void dataWithoutThePerpetualOrTheBookIsRefusedNamingWhatIsMissing(@TempDir final Path dir) throws IOException
    {
        final List<Path> files = TwoExpiryMarket.write(dir);
        final IllegalArgumentException noPerp = assertThrows(IllegalArgumentException.class, () -> Backtest.run(
            BacktestConfig.of(List.of(files.get(2)), new BookSource.ShortStrangle("BTC", 0.25, 1), "BTC", 0.5, 0, false)));
        assertTrue(noPerp.getMessage().contains("BTC-PERPETUAL"), noPerp.getMessage());
        final IllegalArgumentException noChain = assertThrows(IllegalArgumentException.class, () -> Backtest.run(
            BacktestConfig.of(files.subList(0, 2), new BookSource.ShortStrangle("BTC", 0.25, 1), "BTC", 0.5, 0, false)));
        assertTrue(noChain.getMessage().contains("never entered") && noChain.getMessage().contains("no BTC option"),
            noChain.getMessage());
        final IllegalArgumentException notListed = assertThrows(IllegalArgumentException.class, () -> Backtest.run(
            BacktestConfig.of(files, new BookSource.Fixed(List.of(new BookSource.Position("BTC-27FEB26-61000-C", -1))),
                "BTC", 0.5, 0, false)));
        assertTrue(notListed.getMessage().contains("BTC-27FEB26-61000-C"), notListed.getMessage());
    }
}
