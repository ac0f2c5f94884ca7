//! The billing service on $ERRCAT_ADDR (default 127.0.0.1:3000).

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let address = std::env::var("ERRCAT_ADDR").unwrap_or_else(|_| "127.0.0.1:3000".to_string());
    let listener = tokio::net::TcpListener::bind(&address).await?;
    println!("listening on http://{}", listener.local_addr()?);
    errcat_example_service::serve(listener).await
}
