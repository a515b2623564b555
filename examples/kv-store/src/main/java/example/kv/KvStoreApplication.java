package example.kv;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A key-value store that clients reach over a line protocol. */
@SpringBootApplication
public class KvStoreApplication {

	public static void main(String[] args) {
		SpringApplication.run(KvStoreApplication.class, args);
	}

}
