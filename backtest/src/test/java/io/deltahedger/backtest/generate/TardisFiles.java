package io.deltahedger.backtest.generate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** Test helper: a gzipped Tardis CSV read whole (test files are small), header and rows split on commas. */
record TardisFiles(String[] header, List<String[]> rows)
{
    static TardisFiles read(final InputStream gzipped) throws IOException
    {
        try (BufferedReader reader = new BufferedReader(
            new InputStreamReader(new GZIPInputStream(gzipped), StandardCharsets.US_ASCII)))
        {
            final String[] header = reader.readLine().split(",", -1);
            final List<String[]> rows = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine())
            {
                rows.add(line.split(",", -1));
            }
            return new TardisFiles(header, rows);
        }
    }

    int column(final String name)
    {
        for (int i = 0; i < header.length; i++)
        {
            if (header[i].equals(name))
            {
                return i;
            }
        }
        throw new IllegalArgumentException("no column " + name);
    }
}
