// Runs SPARQL queries over N-Quads in Apache Jena (an in-memory TDB2
// dataset whose default graph is the union of its named graphs) and writes
// each query's results as SPARQL CSV. Run as a single-file program:
//
//   java -cp "$JENA_CP" tests/cross_store/JenaQueries.java DATA.nq OUTDIR QUERY.rq...
//
// OUTDIR/NAME.csv is written for each QUERY (NAME: the file name without .rq).
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.TDB2Factory;

public class JenaQueries {
    public static void main(String[] args) throws Exception {
        Dataset ds = TDB2Factory.createDataset();
        ds.executeWrite(() -> RDFDataMgr.read(ds, args[0]));
        Path out = Path.of(args[1]);
        for (int i = 2; i < args.length; i++) {
            Path file = Path.of(args[i]);
            String query = Files.readString(file);
            String name = file.getFileName().toString().replaceFirst("\\.rq$", "");
            ds.executeRead(() -> {
                try (QueryExecution qe = QueryExecution.dataset(ds).query(query)
                        .set(TDB2.symUnionDefaultGraph, true).build();
                     OutputStream csv = new FileOutputStream(out.resolve(name + ".csv").toFile())) {
                    ResultSetFormatter.outputAsCSV(csv, qe.execSelect());
                } catch (java.io.IOException e) {
                    throw new RuntimeException(e);
                }
            });
        }
    }
}
